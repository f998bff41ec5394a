// Registers <customer-signup-form>. Custom elements must be JavaScript classes, so this file
// holds only the class; every callback goes straight to the Rust side.

export function defineSignupElement(name, observed, connected, disconnected, changed) {
  if (customElements.get(name)) {
    return;
  }
  customElements.define(
    name,
    class extends HTMLElement {
      static get observedAttributes() {
        return observed;
      }

      connectedCallback() {
        connected(this);
      }

      disconnectedCallback() {
        disconnected(this);
      }

      attributeChangedCallback(attribute, before, after) {
        if (this.isConnected && before !== after) {
          changed(this, attribute);
        }
      }
    },
  );
}
