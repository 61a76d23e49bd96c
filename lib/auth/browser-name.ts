/**
 * Names the browser and platform of a User-Agent for the settings page's device list
 * ("Chrome on Linux"). A few patterns, tried in order, are enough for a person to tell
 * their devices apart; null where none matches. Product names, so no translation.
 */
const BROWSERS: [pattern: RegExp, name: string][] = [
  // Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari": most specific first.
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\b(?:HeadlessChrome|Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const PLATFORMS: [pattern: RegExp, name: string][] = [
  [/\bWindows\b/, 'Windows'],
  // iOS and Android also say "Mac OS X" and "Linux".
  [/\biPhone|\biPad|\biPod/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMacintosh\b|\bMac OS X\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const firstMatch = (table: [RegExp, string][], userAgent: string) => table.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;

export function describeBrowser(userAgent: string): { browser: string | null; platform: string | null } {
  return { browser: firstMatch(BROWSERS, userAgent), platform: firstMatch(PLATFORMS, userAgent) };
}
