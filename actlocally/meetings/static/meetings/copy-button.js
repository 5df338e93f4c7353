// Copy buttons for calendar addresses: shown only where the browser can copy; without
// JavaScript the address stays selectable in its box.
for (const button of document.querySelectorAll(".app-copy-button")) {
  const field = document.getElementById(button.dataset.copyTarget);
  const status = button.parentElement.querySelector(".app-copy-status");
  if (!field || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = button.dataset.copied;
    } catch {
      field.select();
    }
  });
}
