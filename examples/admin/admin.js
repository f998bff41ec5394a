// The example admin app's reaction to the form: customers created here are listed beside it.
// Only textContent is used, so nothing the API returns can become markup.

const recent = document.getElementById("recent");
const empty = document.getElementById("recent-empty");

document.addEventListener("customer-created", (event) => {
  const customer = event.detail;
  const item = document.createElement("li");
  const name = document.createElement("strong");
  name.textContent = customer.display_name ?? customer.name;
  const id = document.createElement("code");
  id.textContent = customer.name;
  item.append(name, " (", id, ")");
  recent.prepend(item);
  empty.hidden = true;
});

document.addEventListener("customer-create-failed", (event) => {
  console.info(`customer not created (${event.detail.kind}): ${event.detail.message}`);
});
