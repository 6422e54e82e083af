// The agenda as every page sees it: a session's status and the order of the sessions. A
// session's status follows from its actual start and end (the stream's session updates carry
// those, not the status field of the HTTP views).

// 'planned' | 'live' | 'ended'
export function sessionStatus(s) {
  if (s.actual_end) return 'ended';
  if (s.actual_start) return 'live';
  return 'planned';
}

// By planned start, then by id.
export function agendaOrder(a, b) {
  return Date.parse(a.planned_start) - Date.parse(b.planned_start) || a.id - b.id;
}

// The sessions of a Map (id -> session) or an array, in agenda order.
export function sortedSessions(sessions) {
  return [...(sessions instanceof Map ? sessions.values() : sessions)].sort(agendaOrder);
}

// Merges a session from a stream update (a part of its fields) into "sessions" (id -> session).
export function mergeSession(sessions, s) {
  const merged = { ...(sessions.get(s.id) || {}), ...s };
  sessions.set(s.id, merged);
  return merged;
}
