"""Create a small catalogue: 3 top + 6 leaf categories, 46 products, prices and stock."""

import os
import random
import sys

sys.path.insert(0, os.getcwd())  # run from the Django project's directory (setup.sh)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frobshop.settings")
import django

django.setup()
from decimal import Decimal

from django.contrib.auth import get_user_model
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

ProductClass = get_model("catalogue", "ProductClass")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

random.seed(42)
if Product.objects.exists():
    print("catalogue exists, skipping")
    sys.exit(0)

pc, _ = ProductClass.objects.get_or_create(
    name="Goods", defaults={"requires_shipping": True, "track_stock": True}
)
partner, _ = Partner.objects.get_or_create(name="Main warehouse")

cats = {
    "Books > Fiction": [
        "The Silent Harbour",
        "A Winter in Lisbon",
        "Glass Orchard",
        "The Cartographer's Daughter",
        "Night Train to Riga",
        "Salt and Iron",
        "The Last Lighthouse",
        "Paper Kingdoms",
        "Under Copper Skies",
    ],
    "Books > Non-fiction": [
        "A Short History of Bread",
        "Thinking in Systems Primer",
        "The Bicycle Book",
        "Mountains of the Mind Guide",
        "Field Notes on Birds",
        "Cooking with Fire",
        "The Tea Atlas",
    ],
    "Clothing > Shirts": [
        "Oxford Shirt Blue",
        "Linen Shirt White",
        "Flannel Shirt Red Check",
        "Denim Shirt Indigo",
        "Polo Shirt Navy",
        "Henley Shirt Grey",
        "Chambray Shirt Light Blue",
        "Camp Collar Shirt Olive",
    ],
    "Clothing > Shoes": [
        "Leather Derby Brown",
        "Canvas Sneaker White",
        "Trail Runner Black",
        "Suede Chelsea Boot Tan",
        "Rain Boot Green",
        "Espadrille Navy",
        "Running Shoe Grey",
    ],
    "Home > Kitchen": [
        "Cast Iron Skillet 26cm",
        "Chef's Knife 20cm",
        "Enamel Dutch Oven",
        "Pour-over Coffee Set",
        "Wooden Cutting Board",
        "Stoneware Mug Set",
        "Copper Saucepan",
        "Salad Spinner",
    ],
    "Home > Garden": [
        "Pruning Shears",
        "Watering Can 5L",
        "Garden Kneeler",
        "Terracotta Pot Set",
        "Bird Feeder",
        "Hose Reel",
        "Seed Starter Tray",
    ],
}
n = 0
for crumbs, titles in cats.items():
    cat = create_from_breadcrumbs(crumbs)
    for t in titles:
        n += 1
        p = Product.objects.create(
            title=t,
            product_class=pc,
            structure="standalone",
            upc=f"UPC{n:05d}",
            description="<p>{} is a well made item from our {} range. "
            "Durable, simple and good value.</p>".format(t, crumbs.split(" > ")[-1].lower()),
        )
        ProductCategory.objects.create(product=p, category=cat)
        # a few out of stock, to give the shop some variety
        stock = 0 if n % 11 == 0 else random.randint(1, 40)
        StockRecord.objects.create(
            product=p,
            partner=partner,
            partner_sku=f"SKU{n:05d}",
            price=Decimal(random.randint(400, 12000)) / 100,
            price_currency="GBP",
            num_in_stock=stock,
        )
print("created", n, "products in", len(cats), "leaf categories")
User = get_user_model()
if not User.objects.filter(username="admin").exists():
    User.objects.create_superuser("admin", "admin@example.com", "admin-local-only")
