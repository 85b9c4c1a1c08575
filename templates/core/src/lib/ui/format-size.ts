const units = ["bytes", "KB", "MB", "GB", "TB"];

/** A size in bytes as people read it: "512 bytes", "1.5 KB", "20 MB" (1 KB = 1,024 bytes). */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return bytes === 1 ? "1 byte" : `${bytes} bytes`;
  const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}
