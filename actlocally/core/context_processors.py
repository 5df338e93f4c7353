"""Values every template needs: the service name and whether demo logins are shown."""

from django.conf import settings


def site(request):
    context = {"SERVICE_NAME": "Act Locally", "DEMO_MODE": settings.DEMO_MODE}
    if settings.DEMO_MODE:
        from actlocally.demo.personas import DEMO_PASSWORD, PERSONAS

        context["DEMO_PERSONAS"] = PERSONAS
        context["DEMO_PASSWORD"] = DEMO_PASSWORD
    return context
