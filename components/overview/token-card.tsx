// Owned by the token feature: the token in effect, its source and check result.
export function TokenCard() {
  return null;
}
