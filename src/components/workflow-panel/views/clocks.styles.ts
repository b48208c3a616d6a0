import { css } from 'lit';

/** The SLA clock cards. The host's private variables (--_gap, --_primary…) come from the shell's styles. */
export const styles = [
  css`
    .clocks {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: var(--_wy-space-m);
    }
    .clock {
      --_level: var(--_success);
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_level);
      border-radius: var(--_radius);
      padding: var(--_wy-space-s) var(--_wy-space-m);
    }
    .clock.idle,
    .clock.paused {
      --_level: var(--_muted);
    }
    .clock.warning {
      --_level: var(--_warning);
      background: var(--_warning-surface);
    }
    .clock.overdue,
    .clock.missed {
      --_level: var(--_danger);
      background: var(--_danger-surface);
    }
    .clock-head {
      display: flex;
      justify-content: space-between;
      gap: var(--_wy-space-s);
      font-weight: 600;
    }
    .level {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      color: var(--_level);
      white-space: nowrap;
    }
    .icon {
      inline-size: 0.7em;
      block-size: 0.7em;
      background: currentColor;
      border-radius: 50%;
    }
    .warning .icon {
      border-radius: 0;
      clip-path: polygon(50% 0, 100% 100%, 0 100%);
    }
    .overdue .icon,
    .missed .icon {
      border-radius: 0;
      transform: rotate(45deg);
    }
    .paused .icon {
      border-radius: 0;
      background: linear-gradient(90deg, currentColor 35%, transparent 35% 65%, currentColor 65%);
    }
    .clock-facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0 var(--_wy-space-m);
      margin-block: var(--_wy-space-xs);
    }
    .clock-facts > div {
      display: contents;
    }
    .clock-facts dt {
      color: var(--_muted);
    }
    .escalated {
      margin: 0;
      color: var(--_danger);
    }
    .bar {
      block-size: 4px;
      background: var(--_border);
      border-radius: 2px;
      overflow: hidden;
    }
    .bar > span {
      display: block;
      block-size: 100%;
      background: var(--_level);
    }
  `,
];
