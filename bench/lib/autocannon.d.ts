// The few parts of autocannon's programmatic API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  export type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  };
  export type Result = {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    mismatches: number;
    duration: number;
    connections: number;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    workers?: number;
    timeout?: number;
    headers?: Record<string, string>;
    /** Counts answers whose body differs as `mismatches`. */
    expectBody?: string;
    /** Replaces `[<id>]` in the URL with a new uuid in every request. */
    idReplacement?: boolean;
  };
  export default function autocannon(options: Options): PromiseLike<Result>;
}
