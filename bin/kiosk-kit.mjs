#!/usr/bin/env node
// `npm run kiosk-kit -- <address> [--out dir]`: Chromium's policies for the exam workstations.
import { launch } from './launch.mjs';

launch('cli/kiosk-kit.js');
