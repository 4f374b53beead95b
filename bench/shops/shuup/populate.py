"""Demo catalogue: Shuup's mock population (5 categories, 30 products with fake names,
payment and shipping methods) and its "Default" sample data (a cosmetics category,
products with photos, a front-page carousel), sold by the default supplier. Seeded, so every build is the same shop."""

import os
import random

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopsite.settings")
django.setup()

import factory.fuzzy  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import translation  # noqa: E402
from faker.generator import random as faker_random  # noqa: E402
from shuup.core.models import Shop, Supplier, SupplierModule  # noqa: E402
from shuup.testing.mock_population import Populator  # noqa: E402
from shuup.testing.modules.sample_data import manager  # noqa: E402
from shuup.testing.modules.sample_data.views import SampleObjectsWizardPane  # noqa: E402

random.seed(7)
faker_random.seed(7)
factory.fuzzy.reseed_random(7)
translation.activate("en")

Populator().populate()
shop = Shop.objects.first()
if not manager.has_installed_samples(shop):
    manager.save_business_segment(shop, "default")
    manager.save_categories(
        shop, SampleObjectsWizardPane._create_sample_categories(shop, "default")
    )
    manager.save_products(shop, SampleObjectsWizardPane._create_sample_products(shop, "default"))
    carousel = SampleObjectsWizardPane._create_sample_carousel(shop, "default")
    if carousel:
        manager.save_carousel(shop, carousel.pk)
# shuup_init's supplier has no supplier module: the catalogue then marks every product
# unavailable and the shop lists none; simple_supplier (stock not managed) sells them all
module, _ = SupplierModule.objects.get_or_create(module_identifier="simple_supplier")
for supplier in Supplier.objects.all():
    supplier.supplier_modules.add(module)
call_command("reindex_product_catalog")
