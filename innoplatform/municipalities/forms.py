"""Form fields for the registry admin: decimals as Norwegian editors write them."""

from django import forms


class DecimalCommaField(forms.DecimalField):
    """Accepts "0,30" as well as "0.30" (and "1 000,5"), whatever the admin's language.

    Shown as a text field with a decimal keyboard on phones: a number field would
    refuse the comma in browsers set to English.
    """

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("\xa0", "").replace(" ", "")
            if value.count(",") == 1 and "." not in value:
                value = value.replace(",", ".")
        return super().to_python(value)
