import { describe, expect, it } from "vitest";
import { createWorkQueue, QueueFull } from "~/domain/work-queue";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("the work queue", () => {
  it("runs at most two jobs at once, keeps a few waiting and refuses the rest at once", async () => {
    const q = createWorkQueue({ concurrency: 2, maxWaiting: 3 });
    const gates = Array.from({ length: 5 }, deferred);
    let peak = 0;
    let now = 0;
    const jobs = gates.map((g, i) =>
      q.run(async () => {
        peak = Math.max(peak, ++now);
        await g.promise;
        now--;
        return i;
      }),
    );
    await Promise.resolve();
    expect(q.size).toEqual({ running: 2, waiting: 3 });
    await expect(q.run(async () => "one too many")).rejects.toBeInstanceOf(QueueFull);
    for (const g of gates) g.resolve();
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(q.size).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the place of a job that fails", async () => {
    const q = createWorkQueue({ concurrency: 1, maxWaiting: 0 });
    await expect(q.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await q.run(async () => "ok")).toBe("ok");
  });
});
