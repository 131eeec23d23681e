// Only AES-GCM from @noble/ciphers, imported on its own (sealed-paper.ts loads it when the kiosk
// reaches the waiting room) so that the bundle keeps nothing else of the library.
export { gcm } from '@noble/ciphers/aes.js';
