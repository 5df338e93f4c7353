// Starts the GOV.UK and MOJ components on every page (they enhance pages that work without JavaScript).
import { initAll as initGovUK } from "../vendor/govuk-frontend/govuk-frontend.min.js";
import { initAll as initMoj } from "../vendor/moj-frontend/moj-frontend.min.js";

initGovUK();
initMoj();
