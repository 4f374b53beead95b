"""The workbench's URLs, with media (product images) served although DEBUG is off."""

from django.conf import settings
from django.conf.urls import include, url
from django.views.static import serve

urlpatterns = [
    url(r"^sa/", include("shuup.admin.urls", namespace="shuup_admin")),
    url(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    url(r"^", include("shuup.front.urls", namespace="shuup")),
]
