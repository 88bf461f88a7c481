import { CloudAdapter, type Activity, type TurnContext } from 'botbuilder';
import {
  AuthenticationError,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Thrown instead of calling an address the bot does not trust (see serviceUrlTrust). */
export class UntrustedServiceUrlError extends Error {
  override name = 'UntrustedServiceUrlError';
}

class GuardedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly trusted: (url: string) => boolean,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    if (!this.trusted(serviceUrl)) return Promise.reject(new UntrustedServiceUrlError('serviceUrl not trusted'));
    return this.inner.create(serviceUrl, audience);
  }
}

/**
 * botbuilder's authentication with one more rule: every connector it builds
 * (replies, updates, proactive messages) refuses untrusted addresses, so no
 * activity can make the bot call a host its sender chose.
 */
export class GuardedAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly trusted: (url: string) => boolean,
  ) {
    super();
  }

  private guard(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return { ...result, connectorFactory: result.connectorFactory && new GuardedConnectorFactory(result.connectorFactory, this.trusted) };
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.guard(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.guard(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new GuardedConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), this.trusted);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}

export interface EdgeResponse {
  status: number;
  body?: unknown;
}

/**
 * A rejected token is an AuthenticationError with 401 or 403; botbuilder also throws
 * AuthenticationError with 500 when it cannot load the keys, and fetch errors as they are:
 * those are the identity provider failing.
 */
function isRejectedToken(error: unknown): boolean {
  const status = error instanceof AuthenticationError ? error.statusCode : undefined;
  return status === 401 || status === 403;
}

/**
 * The CloudAdapter with an HTTP edge that never leaks: authentication failures
 * are 401, an unreachable identity provider is 503, and no answer carries an
 * error's text (CloudAdapter.process answers 500 with it).
 */
export class GuardedAdapter extends CloudAdapter {
  /** Authenticates and runs one activity already checked by parseEnvelope. */
  async processChecked(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<EdgeResponse & { failure?: string }> {
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (isRejectedToken(error)) return { status: 401, body: { code: 'Unauthorized', message: 'authentification refusée' }, failure: 'unauthorized' };
      return { status: 503, body: { code: 'Unavailable', message: 'service momentanément indisponible' }, failure: errorName(error) };
    }
    try {
      const response = await this.processActivity(authenticated, activity, logic);
      return { status: response?.status ?? 200, body: response?.body };
    } catch (error) {
      if (error instanceof UntrustedServiceUrlError) return { status: 400, body: { code: 'BadArgument', message: 'serviceUrl non autorisé' }, failure: error.name };
      return { status: 500, body: { code: 'Internal', message: 'erreur interne' }, failure: errorName(error) };
    }
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'non-error thrown';
}
