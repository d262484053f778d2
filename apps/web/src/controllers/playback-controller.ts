/**
 * Play/pause for `<py-heap-view>`: advances the host one step per tick until the last step, then stops.
 * Owns the timer only; the host owns the step.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

export interface PlaybackHost extends ReactiveControllerHost {
  /** Moves one step forward; returns false when already at the last step. */
  advance(): boolean;
}

export class PlaybackController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly host: PlaybackHost,
    /** Milliseconds between steps. */
    public interval = 900,
  ) {
    host.addController(this);
  }

  get playing(): boolean {
    return this.timer !== null;
  }

  play(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.host.advance()) this.pause();
    }, this.interval);
    this.host.requestUpdate();
  }

  pause(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    this.host.requestUpdate();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  hostDisconnected(): void {
    this.pause();
  }
}
