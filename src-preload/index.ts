import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_API_GLOBAL } from '@shared/ipc/ipc-channels';
import { buildDesktopApi } from './desktop-api';

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, buildDesktopApi(ipcRenderer));
