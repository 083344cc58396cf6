/**
 * Errors as Excel raises them: an Error with Office's `code` and `debugInfo`, and the
 * messages Excel uses, so code tested here handles the same shapes it meets in Office.
 */

export type StandInErrorCode =
  | 'PropertyNotLoaded'
  | 'ApiNotFound'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'RunMustReturnPromise'
  /** Not an Excel error: the stand-in lacks something the code under test uses. */
  | 'StandInUnsupported';

const MESSAGES: Record<StandInErrorCode, string> = {
  PropertyNotLoaded: '',
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "Excel JavaScript API requirement sets" for more information.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation is invalid for the object or its current state.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
  StandInUnsupported: 'The Excel stand-in does not simulate this member.',
};

export class StandInError extends Error {
  readonly code: StandInErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: StandInErrorCode, location?: string, message: string = MESSAGES[code]) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export function propertyNotLoaded(property: string, location: string): StandInError {
  return new StandInError(
    'PropertyNotLoaded',
    location,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
