"""The public insight into granted projects."""

urlpatterns: list = []
