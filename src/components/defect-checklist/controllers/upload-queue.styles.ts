import { css } from 'lit';

/** The photo queue of batch entry (loaded with it). */
export const uploadQueueStyles = css`
    .photos {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_wy-space-s);
      align-items: center;
      margin-top: var(--_wy-space-s);
    }
    .file input {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      opacity: 0;
    }
    .file {
      position: relative;
      display: inline-flex;
    }
    .file:focus-within {
      outline: 2px solid var(--_wy-focus);
      outline-offset: 2px;
    }
    .previews {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_wy-space-s);
      list-style: none;
      padding: 0;
      margin: 0;
      inline-size: 100%;
    }
    .previews li {
      display: flex;
      align-items: center;
      gap: 0.25rem;
    }
    .previews img {
      inline-size: 3rem;
      block-size: 3rem;
      object-fit: cover;
      border-radius: var(--_wy-radius);
      border: 1px solid var(--_wy-border);
    }
`;
