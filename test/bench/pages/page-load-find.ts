// Where <wy-schema-form> puts the control of the field at `path`: the field element (marked with
// `data-path`) in the form's shadow root, its control in the field's shadow root or its own subtree.
export function lastControl(form: Element, path: string): Element | null | undefined {
  const field = form.shadowRoot?.querySelector(`[data-path="${path}"]`);
  return (field?.shadowRoot ?? field)?.querySelector('input, select, textarea');
}
