// The protocol's lifecycle, which vscode-languageserver leaves to the server: until `initialize`
// a request is answered with ServerNotInitialized (-32002) and a notification is dropped (`exit`
// excepted); after `shutdown` a request is answered with InvalidRequest (-32600) and a
// notification other than `exit` is dropped. It works as the connection's message strategy, so it
// sees every message before any handler (the library's own, the documents', the server's) does.
import { ErrorCodes, ResponseError, type Message, type MessageStrategy, type NotificationMessage, type RequestMessage } from 'vscode-languageserver/node';

/** Internal methods a refused request is rerouted to, so that the connection answers it with an error. */
export const REFUSE_NOT_INITIALIZED = '$/eksLens/refuseNotInitialized';
export const REFUSE_AFTER_SHUTDOWN = '$/eksLens/refuseAfterShutdown';

export type LifecycleState = 'new' | 'running' | 'shutdown';

const isRequest = (m: Message): m is RequestMessage => typeof (m as RequestMessage).method === 'string' && (m as RequestMessage).id !== undefined && (m as RequestMessage).id !== null;
const isNotification = (m: Message): m is NotificationMessage => typeof (m as NotificationMessage).method === 'string' && (m as RequestMessage).id === undefined;

export class Lifecycle implements MessageStrategy {
  state: LifecycleState = 'new';

  handleMessage(message: Message, next: (message: Message) => void): void {
    if (isRequest(message)) {
      if (this.state === 'new') {
        if (message.method !== 'initialize') return next(reroute(message, REFUSE_NOT_INITIALIZED));
        this.state = 'running';
      } else if (this.state === 'shutdown') return next(reroute(message, REFUSE_AFTER_SHUTDOWN));
      else if (message.method === 'shutdown') this.state = 'shutdown';
      // A client sending our internal methods itself gets the same errors.
      return next(message);
    }
    if (isNotification(message) && message.method !== 'exit' && this.state !== 'running') return;
    return next(message);
  }

  /** Registers the handlers that answer the rerouted requests. */
  register(connection: { onRequest(method: string, handler: () => ResponseError<void>): unknown }): void {
    connection.onRequest(REFUSE_NOT_INITIALIZED, () => new ResponseError(ErrorCodes.ServerNotInitialized, 'the server has not been initialized'));
    connection.onRequest(REFUSE_AFTER_SHUTDOWN, () => new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down'));
  }
}

function reroute(message: RequestMessage, method: string): RequestMessage {
  return { jsonrpc: message.jsonrpc, id: message.id, method };
}
