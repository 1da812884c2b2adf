/** "Service Desk", "service-desk" and "SERVICEDESK" are one group. */
export function groupKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}
