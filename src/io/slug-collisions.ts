/**
 * Two accounts whose ids (or names) slug to the same text would overwrite each other's decks.
 * The first in sorted source-key order keeps the plain slug; each later one gets the next free
 * `-2`, `-3`, … suffix that no other account uses. Every shard computes this over all accounts
 * (not only its own), so the names are the same whichever shard renders an account.
 */
export interface SlugClaim {
  /** The shard key (source path relative to the input root); decides who keeps the plain slug. */
  key: string;
  slug: string;
}

export interface AssignedSlug {
  slug: string;
  /** The slug the account would have had without the collision. */
  renamedFrom?: string;
}

export function assignSlugs(claims: readonly SlugClaim[]): Map<string, AssignedSlug> {
  const sorted = [...claims].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const natural = new Set(sorted.map((claim) => claim.slug));
  const taken = new Set<string>();
  const assigned = new Map<string, AssignedSlug>();
  for (const { key, slug } of sorted) {
    if (!taken.has(slug)) {
      taken.add(slug);
      assigned.set(key, { slug });
      continue;
    }
    let suffix = 2;
    // Skip suffixed names another account has as its own slug, so no one is pushed out.
    while (taken.has(`${slug}-${suffix}`) || natural.has(`${slug}-${suffix}`)) suffix++;
    const renamed = `${slug}-${suffix}`;
    taken.add(renamed);
    assigned.set(key, { slug: renamed, renamedFrom: slug });
  }
  return assigned;
}
