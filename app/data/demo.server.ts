/** Demo mode: on unless NODE_ENV=production without DEMO=1. */
export function isDemoMode(): boolean {
  return process.env.DEMO === "1" || (process.env.NODE_ENV !== "production" && process.env.DEMO !== "0");
}

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD || "faelles-retning-demo";
}
