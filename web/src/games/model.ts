/**
 * The games API's shapes as the dashboard uses them. Until the games routes are in the OpenAPI
 * document these mirror src/modules/games/types.ts; afterwards they are taken from schema.d.ts.
 */
export const GAME_STATUS = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type GameStatus = (typeof GAME_STATUS)[number];
export const SIGNUP_METHODS = [
  'SELF_SIGNUP',
  'HOST_SELECTED',
  'HOST_SELECTED_WITH_WAITLIST',
  'ROLE_BASED',
] as const;
export type SignupMethod = (typeof SIGNUP_METHODS)[number];
export type ParticipantState = 'confirmed' | 'waitlisted' | 'declined' | 'host_added';
