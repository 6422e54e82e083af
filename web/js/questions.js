// The Q&A rules the pages share: the order questions are shown in, and one pinned question per
// session (pinning one unpins the other; the server also sends the old one's change, but the
// pages do not wait for it).

// Pinned first, then by votes, then the oldest first (then by id).
export function questionOrder(a, b) {
  const pinned = (b.status === 'pinned') - (a.status === 'pinned');
  if (pinned) return pinned;
  if ((b.votes || 0) !== (a.votes || 0)) return (b.votes || 0) - (a.votes || 0);
  return askedOrder(a, b);
}

// The oldest first (then by id): the order of the moderation queue.
export function askedOrder(a, b) {
  return (Date.parse(a.created_at) || 0) - (Date.parse(b.created_at) || 0) || a.id - b.id;
}

// Every other pinned question of "questions" (id -> question) goes back to approved.
export function unpinOthers(questions, pinnedId) {
  for (const other of questions.values()) if (other.id !== pinnedId && other.status === 'pinned') other.status = 'approved';
}

// Merges "q" (a whole question or a change of one) into "questions", keeping one pinned.
export function storeQuestion(questions, q) {
  const merged = { ...(questions.get(q.id) || {}), ...q };
  questions.set(q.id, merged);
  if (merged.status === 'pinned') unpinOthers(questions, merged.id);
  return merged;
}
