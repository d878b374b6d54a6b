/// <reference types="vite/client" />

declare module 'virtual:bocage-geography' {
  import type { CompactGeography } from '@shared/geography/geography';
  const geography: CompactGeography;
  export default geography;
}
