"""The post pages."""

urlpatterns: list = []
