// The counters the configured services are served at, each once, by id (in the order first met).
export function countersOf(services) {
  const counters = new Map();
  services.forEach(s => s.counters.forEach(c => counters.set(c.id, c)));
  return counters;
}
