#!/usr/bin/env bash
# Refreshes the committed front-end libraries from npm (only `make vendor` needs Node).
set -euo pipefail
cd "$(dirname "$0")/.."
out=actlocally/static/vendor
(cd frontend && npm ci --no-audit --no-fund)
nm=frontend/node_modules
rm -rf "$out" && mkdir -p "$out"/{css,govuk-frontend,moj-frontend,htmx,leaflet,vega}

frontend/node_modules/.bin/sass --load-path=frontend --load-path="$nm" --no-source-map \
  --style=compressed --quiet-deps --silence-deprecation=import \
  frontend/actlocally.scss "$out/css/frontend.min.css" 2>/dev/null

# The GDS Transport fonts and the crown favicons are for GOV.UK services only: left out.
mkdir -p "$out/govuk-frontend/assets"
cp -r "$nm/govuk-frontend/dist/govuk/assets/images" "$out/govuk-frontend/assets/"
rm -f "$out"/govuk-frontend/assets/images/{favicon*,govuk-icon*,govuk-opengraph-image.png}
# MOJ Frontend's icons sit beside GOV.UK's: the compiled CSS points both at one folder.
cp "$nm"/@ministryofjustice/frontend/moj/assets/images/icon-*.svg "$out/govuk-frontend/assets/images/"
cp "$nm/govuk-frontend/dist/govuk/govuk-frontend.min.js" "$out/govuk-frontend/"
cp "$nm/@ministryofjustice/frontend/moj/moj-frontend.min.js" "$out/moj-frontend/"
cp "$nm/htmx.org/dist/htmx.min.js" "$out/htmx/"
cp "$nm/htmx.org/LICENSE" "$out/htmx/LICENSE.txt"
cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$out/leaflet/"
cp -r "$nm/leaflet/dist/images" "$out/leaflet/"
cp "$nm/leaflet/LICENSE" "$out/leaflet/LICENSE.txt"
# Vega, Vega-Lite and vega-embed draw measurement's charts from the specs the app serves; the
# versions match the ones vl-convert-python bundles, so the page and the exports draw alike.
for lib in vega vega-lite vega-embed; do
  cp "$nm/$lib/build/$lib.min.js" "$out/vega/"
  cp "$nm/$lib/LICENSE" "$out/vega/$lib-LICENSE.txt"
done

# axe-core is for the browser tests only (tests/browser/test_every_page.py injects it from disk):
# kept out of static/, so it is never served.
axe=tests/browser/vendor/axe-core
rm -rf "$axe" && mkdir -p "$axe"
cp "$nm/axe-core/axe.min.js" "$axe/"
cp "$nm/axe-core/LICENSE" "$axe/LICENSE.txt"

# Source maps are not shipped: drop the comments that point at them (collectstatic would fail).
find "$out" "$axe" -name "*.js" -exec sed -i 's|//# sourceMappingURL=.*$||' {} +

# Every file the stylesheet points at must be there, or collectstatic fails later.
for ref in $(grep -o 'url([^)]*)' "$out/css/frontend.min.css" | sed -E 's/url\(["]?([^")]*)["]?\)/\1/' | sort -u); do
  test -f "$out/css/$ref" || { echo "missing asset: $ref" >&2; exit 1; }
done

version() { node -p "require('./$nm/$1/package.json').version"; }
cat > "$out/README.md" <<MD
# Vendored front-end libraries

Made by \`make vendor\` (scripts/vendor.sh) from the versions pinned in frontend/package.json.
Do not edit by hand. Served by the app itself: nothing is fetched from a CDN.

| library | version | licence | files |
|---|---|---|---|
| govuk-frontend | $(version govuk-frontend) | MIT (code), images © Crown copyright, OGL v3.0 | govuk-frontend/, css/frontend.min.css |
| @ministryofjustice/frontend | $(version @ministryofjustice/frontend) | MIT | moj-frontend/, css/frontend.min.css |
| htmx.org | $(version htmx.org) | 0BSD | htmx/ |
| leaflet | $(version leaflet) | BSD-2-Clause | leaflet/ |
| vega | $(version vega) | BSD-3-Clause | vega/vega.min.js |
| vega-lite | $(version vega-lite) | BSD-3-Clause | vega/vega-lite.min.js |
| vega-embed | $(version vega-embed) | BSD-3-Clause | vega/vega-embed.min.js |
| axe-core | $(version axe-core) | MPL-2.0 | tests/browser/vendor/axe-core/ (tests only, not served) |

css/frontend.min.css is compiled from frontend/actlocally.scss: GOV.UK Frontend and MOJ Frontend
with Arial in place of the GDS Transport typeface, which only GOV.UK services may use.
MD
echo "vendored into $out"
