// The custom eksLens/* messages as the client sends and receives them: the typed message objects
// of the server's protocol.ts, made from this package's own vscode-languageclient classes.
import { NotificationType, NotificationType0, RequestType } from 'vscode-languageclient/node';
import { eksLensProtocol } from '../../server/src/protocol';

export const protocol = eksLensProtocol({ RequestType, NotificationType, NotificationType0 });
