// Owned by the models feature: primary, fallbacks, aliases, catalog source and warnings.
export function ModelsCard() {
  return null;
}
