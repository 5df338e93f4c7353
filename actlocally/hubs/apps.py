"""School Health Hubs and the local offer: services in the Open Referral UK data model."""

from django.apps import AppConfig


class HubsConfig(AppConfig):
    name = "actlocally.hubs"
    label = "hubs"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from actlocally.partnerships.navigation import register_section

        from . import models

        register_section(
            label=_("Local offer"),
            url_name="hubs_services",
            order=49,
            permission="partnerships.view_partnership",
        )

        auditlog.register(models.Service, m2m_fields={"terms"})
        auditlog.register(models.Location)
        auditlog.register(models.Schedule)
        auditlog.register(models.Contact)
        auditlog.register(models.Hub, m2m_fields={"spokes"})
        auditlog.register(models.Session)
        auditlog.register(models.HolidayPeriod)
        auditlog.register(models.OneStopShopDay, m2m_fields={"services"})
        auditlog.register(models.TakeUp)
        auditlog.register(models.ServiceReferralCount)
        auditlog.register(models.Referral)

        from . import workflow  # noqa: F401 - declares the referral workflow
