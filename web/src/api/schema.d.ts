/**
 * Generated from the API's OpenAPI document by `npm run web:client`; do not edit.
 * test/web/client.test.ts fails while this file is out of date.
 */

export interface paths {
    "/api/v1/admin/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dead letters of every consumer, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Dead letter id */
                    before?: string;
                    limit?: number;
                    /** @description A duration before now ("30m", "12h", "7d") or an ISO 8601 instant */
                    newerThan?: string;
                    /** @description A duration before now ("30m", "12h", "7d") or an ISO 8601 instant */
                    olderThan?: string;
                    /** @description Consumer (queue) name, e.g. bot.games.game_created */
                    queue?: string;
                    /** @description Event type, e.g. games.game_created */
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                /** @description The error message (shortened in lists) */
                                error: string;
                                errorCode: string;
                                /** Format: date-time */
                                failedAt: string;
                                guildId: string | null;
                                /** @description Dead letter id */
                                id: string;
                                messageId: string | null;
                                queue: string;
                                /** @description False for bodies that are not JSON */
                                replayable: boolean;
                                transport: "embedded" | "rabbitmq";
                                type: string | null;
                                version: number | null;
                            }[];
                            /** @description Pass as `before` for the next page */
                            nextBefore: string | null;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dead-letters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dead letter with its message, error and stack */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Dead letter id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /** @description The error message (shortened in lists) */
                            error: string;
                            errorCode: string;
                            /** Format: date-time */
                            failedAt: string;
                            guildId: string | null;
                            /** @description Dead letter id */
                            id: string;
                            /** @description The message as it was received */
                            message: unknown;
                            messageId: string | null;
                            queue: string;
                            raw: string | null;
                            /** @description False for bodies that are not JSON */
                            replayable: boolean;
                            stack: string | null;
                            transport: "embedded" | "rabbitmq";
                            type: string | null;
                            version: number | null;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a dead letter */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Dead letter id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dead-letters/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver a dead letter again to the consumer that failed it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Dead letter id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            replayed: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dead-letters/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete several dead letters: by ids, or everything a filter matches */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Required to act on everything the filter matches (or everything at all) */
                        all?: boolean;
                        filter?: {
                            /**
                             * @description A duration before now ("30m", "12h", "7d") or an ISO 8601 instant
                             * @example 2h
                             * @example 2026-01-31T00:00:00Z
                             */
                            newerThan?: string;
                            /**
                             * @description A duration before now ("30m", "12h", "7d") or an ISO 8601 instant
                             * @example 2h
                             * @example 2026-01-31T00:00:00Z
                             */
                            olderThan?: string;
                            /** @description Consumer (queue) name, e.g. bot.games.game_created */
                            queue?: string;
                            /** @description Event type, e.g. games.game_created */
                            type?: string;
                        };
                        ids?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            purged: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dead-letters/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay several dead letters: by ids, or everything a filter matches */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Required to act on everything the filter matches (or everything at all) */
                        all?: boolean;
                        filter?: {
                            /**
                             * @description A duration before now ("30m", "12h", "7d") or an ISO 8601 instant
                             * @example 2h
                             * @example 2026-01-31T00:00:00Z
                             */
                            newerThan?: string;
                            /**
                             * @description A duration before now ("30m", "12h", "7d") or an ISO 8601 instant
                             * @example 2h
                             * @example 2026-01-31T00:00:00Z
                             */
                            olderThan?: string;
                            /** @description Consumer (queue) name, e.g. bot.games.game_created */
                            queue?: string;
                            /** @description Event type, e.g. games.game_created */
                            type?: string;
                        };
                        ids?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            replayed: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dead-letters/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dead letters counted by queue and event type */
        get: {
            parameters: {
                query?: {
                    /** @description A duration before now ("30m", "12h", "7d") or an ISO 8601 instant */
                    newerThan?: string;
                    /** @description A duration before now ("30m", "12h", "7d") or an ISO 8601 instant */
                    olderThan?: string;
                    /** @description Consumer (queue) name, e.g. bot.games.game_created */
                    queue?: string;
                    /** @description Event type, e.g. games.game_created */
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            groups: {
                                count: number;
                                /** Format: date-time */
                                newest: string;
                                /** Format: date-time */
                                oldest: string;
                                queue: string;
                                type: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Demo users to sign in as (loopback without Discord credentials only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                globalName: string;
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                id: string;
                                role: string;
                                username: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Sign in as a demo user (loopback without Discord credentials only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Discord id (snowflake)
                         * @example 1234567890123456789
                         */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            userId: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/discord/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where Discord sends the browser back after consent */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    error?: string;
                    error_description?: string;
                    state?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/discord/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start signing in with Discord (redirects to Discord) */
        get: {
            parameters: {
                query?: {
                    returnTo?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revoke this session and clear its cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current session and its CSRF token (send it as X-CSRF-Token with every change) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            session: {
                                /** Format: date-time */
                                createdAt: string;
                                current: boolean;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: uuid */
                                id: string;
                                ip: string | null;
                                /** Format: date-time */
                                lastSeenAt: string;
                                userAgent: string | null;
                                via: string;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's live sessions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sessions: {
                                /** Format: date-time */
                                createdAt: string;
                                current: boolean;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: uuid */
                                id: string;
                                ip: string | null;
                                /** Format: date-time */
                                lastSeenAt: string;
                                userAgent: string | null;
                                via: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your sessions (sign out elsewhere) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How one can sign in here, and whether this request is signed in (never 401) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The loopback demo sign-in and the Discord sandbox (/api/v1/sandbox/*) exist */
                            demo: boolean;
                            /** @description GET /api/v1/auth/discord/login starts a sign-in */
                            discord: boolean;
                            /** @description The session cookie belongs to a live session */
                            signedIn: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{token}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A personal calendar feed: every game its owner signed up for, across guilds
         * @description No sign-in: the token in the path is the credential (create it at /api/v1/me/calendar-feed). Cancelled games stay in the feed with STATUS:CANCELLED, waitlisted ones are TENTATIVE. An unknown or revoked token is 404.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description iCalendar (RFC 5545) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": string;
                    };
                };
                /** @description Not modified */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A guild the caller is a member of */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            icon: string | null;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            id: string;
                            memberCount: number;
                            name: string;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            ownerId: string;
                            you: {
                                admin: boolean;
                                capabilities: string[];
                                owner: boolean;
                            };
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A guild's text, announcement and forum channels, and whether the bot may post in each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: {
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                id: string;
                                name: string;
                                /** @description The category it sits in */
                                parentId: string | null;
                                /** @description The bot may post messages with embeds there */
                                postable: boolean;
                                /** @description Discord's channel type: 0 text, 5 announcement, 15 forum */
                                type: number;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Games of a guild, by start time, with keyset pagination */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    /** @description startsAt ≥ from */
                    from?: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    hostId?: string;
                    limit?: number;
                    /** @description Games the caller hosts or takes part in */
                    mine?: boolean;
                    order?: "asc" | "desc";
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    participantId?: string;
                    /** @description Comma-separated statuses */
                    status?: string;
                    /** @description startsAt < to */
                    to?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                activity: string | null;
                                announcementMessageId: string | null;
                                cancelScope: ("occurrence" | "series") | null;
                                channelId: string | null;
                                confirmedCount: number;
                                /** Format: date-time */
                                createdAt: string;
                                description: string | null;
                                durationMinutes: number | null;
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                guildId: string;
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                hostId: string;
                                /** Format: uuid */
                                id: string;
                                joinNotificationDelayMinutes: number | null;
                                maxPlayers: number | null;
                                minPlayers: number | null;
                                minPlayersCheckMinutes: number | null;
                                postAt: string | null;
                                recurrence: ({
                                    interval: number;
                                    /** @enum {string} */
                                    kind: "weekly";
                                } | {
                                    interval: number;
                                    /** @enum {string} */
                                    kind: "monthly_date";
                                } | {
                                    interval: number;
                                    /** @enum {string} */
                                    kind: "monthly_weekday";
                                    nth: 1 | 2 | 3 | 4 | 5 | -1;
                                }) | null;
                                reminderOffsetsMinutes: number[];
                                roleSignupUntil: string | null;
                                seriesId: string | null;
                                seriesIndex: number;
                                signupInstructions: string | null;
                                signupMethod: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                                signupRoleIds: string[];
                                /** Format: date-time */
                                startsAt: string;
                                status: "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";
                                templateId: string | null;
                                threadId: string | null;
                                timezone: string;
                                title: string;
                                /** Format: date-time */
                                updatedAt: string;
                                waitlistCount: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a game (hosts); schedules its reminders and status changes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        activity?: string | null;
                        channelId?: string | null;
                        description?: string | null;
                        durationMinutes?: number | null;
                        endsAt?: string | null;
                        /**
                         * @description Discord id (snowflake)
                         * @example 1234567890123456789
                         */
                        hostId?: string;
                        joinNotificationDelayMinutes?: number | null;
                        maxPlayers?: number | null;
                        minPlayers?: number | null;
                        minPlayersCheckMinutes?: number | null;
                        postAt?: string | null;
                        recurrence?: ({
                            interval: number;
                            /** @enum {string} */
                            kind: "weekly";
                        } | {
                            interval: number;
                            /** @enum {string} */
                            kind: "monthly_date";
                        } | {
                            interval: number;
                            /** @enum {string} */
                            kind: "monthly_weekday";
                            nth: 1 | 2 | 3 | 4 | 5 | -1;
                        }) | null;
                        /** @description Minutes before the start */
                        reminderOffsetsMinutes?: number[];
                        roleSignupUntil?: string | null;
                        signupInstructions?: string | null;
                        signupMethod?: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                        signupRoleIds?: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601; stored in UTC
                         */
                        startsAt: string;
                        /** Format: uuid */
                        templateId?: string;
                        /** @description IANA time zone (defaults to the guild’s) */
                        timezone?: string;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activity: string | null;
                            announcementMessageId: string | null;
                            cancelScope: ("occurrence" | "series") | null;
                            channelId: string | null;
                            confirmedCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            durationMinutes: number | null;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            guildId: string;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            hostId: string;
                            /** Format: uuid */
                            id: string;
                            joinNotificationDelayMinutes: number | null;
                            maxPlayers: number | null;
                            minPlayers: number | null;
                            minPlayersCheckMinutes: number | null;
                            participants: {
                                /** Format: date-time */
                                joinedAt: string;
                                note: string | null;
                                position: number;
                                state: "confirmed" | "waitlisted" | "declined" | "host_added";
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                userId: string;
                            }[];
                            postAt: string | null;
                            recurrence: ({
                                interval: number;
                                /** @enum {string} */
                                kind: "weekly";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_date";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_weekday";
                                nth: 1 | 2 | 3 | 4 | 5 | -1;
                            }) | null;
                            reminderOffsetsMinutes: number[];
                            roleSignupUntil: string | null;
                            seriesId: string | null;
                            seriesIndex: number;
                            signupInstructions: string | null;
                            signupMethod: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                            signupRoleIds: string[];
                            /** Format: date-time */
                            startsAt: string;
                            status: "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";
                            templateId: string | null;
                            threadId: string | null;
                            timezone: string;
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                            waitlistCount: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/{gameId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A game with its participants */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gameId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activity: string | null;
                            announcementMessageId: string | null;
                            cancelScope: ("occurrence" | "series") | null;
                            channelId: string | null;
                            confirmedCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            durationMinutes: number | null;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            guildId: string;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            hostId: string;
                            /** Format: uuid */
                            id: string;
                            joinNotificationDelayMinutes: number | null;
                            maxPlayers: number | null;
                            minPlayers: number | null;
                            minPlayersCheckMinutes: number | null;
                            participants: {
                                /** Format: date-time */
                                joinedAt: string;
                                note: string | null;
                                position: number;
                                state: "confirmed" | "waitlisted" | "declined" | "host_added";
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                userId: string;
                            }[];
                            postAt: string | null;
                            recurrence: ({
                                interval: number;
                                /** @enum {string} */
                                kind: "weekly";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_date";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_weekday";
                                nth: 1 | 2 | 3 | 4 | 5 | -1;
                            }) | null;
                            reminderOffsetsMinutes: number[];
                            roleSignupUntil: string | null;
                            seriesId: string | null;
                            seriesIndex: number;
                            signupInstructions: string | null;
                            signupMethod: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                            signupRoleIds: string[];
                            /** Format: date-time */
                            startsAt: string;
                            status: "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";
                            templateId: string | null;
                            threadId: string | null;
                            timezone: string;
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                            waitlistCount: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Cancel a game (its host or an admin); nothing of it fires later
         * @description For an instance of a recurring game, `scope` chooses: `occurrence` (the default) cancels this instance and the series goes on — its next instance is still created when this one would have ended; `series` cancels this and every later instance and nothing more is created. On a game that does not repeat both mean the same. `series` on an occurrence cancelled before widens that cancellation; anything else on a cancelled or completed game is 409 `GAME_CLOSED`. `GAME_CANCELLED` carries the scope.
         */
        delete: {
            parameters: {
                query?: {
                    reason?: string;
                    /** @description `occurrence` (default): this instance only; a recurring series goes on. `series`: this and every later instance; nothing more is created */
                    scope?: "occurrence" | "series";
                };
                header?: never;
                path: {
                    gameId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activity: string | null;
                            announcementMessageId: string | null;
                            cancelScope: ("occurrence" | "series") | null;
                            channelId: string | null;
                            confirmedCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            durationMinutes: number | null;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            guildId: string;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            hostId: string;
                            /** Format: uuid */
                            id: string;
                            joinNotificationDelayMinutes: number | null;
                            maxPlayers: number | null;
                            minPlayers: number | null;
                            minPlayersCheckMinutes: number | null;
                            participants: {
                                /** Format: date-time */
                                joinedAt: string;
                                note: string | null;
                                position: number;
                                state: "confirmed" | "waitlisted" | "declined" | "host_added";
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                userId: string;
                            }[];
                            postAt: string | null;
                            recurrence: ({
                                interval: number;
                                /** @enum {string} */
                                kind: "weekly";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_date";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_weekday";
                                nth: 1 | 2 | 3 | 4 | 5 | -1;
                            }) | null;
                            reminderOffsetsMinutes: number[];
                            roleSignupUntil: string | null;
                            seriesId: string | null;
                            seriesIndex: number;
                            signupInstructions: string | null;
                            signupMethod: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                            signupRoleIds: string[];
                            /** Format: date-time */
                            startsAt: string;
                            status: "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";
                            templateId: string | null;
                            threadId: string | null;
                            timezone: string;
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                            waitlistCount: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit a game (its host or an admin); a new time moves every schedule
         * @description For an instance of a recurring game, `scope` chooses: `occurrence` (the default) changes this game only — the series goes on with its own settings and rhythm, so moving this week’s game to Wednesday leaves the later weeks on Tuesday; `series` changes this game and every later one (a new time moves the rhythm from here on). Only the current instance of a series exists; later ones are created when it ends. `recurrence` belongs to the series with either scope: `null` stops repeating after this game, a new rule applies from this game on. On a game that does not repeat both scopes mean the same.
         */
        patch: {
            parameters: {
                query?: {
                    /** @description `occurrence` (default): the change stays with this game, a recurring series goes on as before. `series`: this and every later game of the series. `recurrence` applies to the series either way */
                    scope?: "occurrence" | "series";
                };
                header?: never;
                path: {
                    gameId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        activity?: string | null;
                        channelId?: string | null;
                        description?: string | null;
                        durationMinutes?: number | null;
                        endsAt?: string | null;
                        /**
                         * @description Discord id (snowflake)
                         * @example 1234567890123456789
                         */
                        hostId?: string;
                        joinNotificationDelayMinutes?: number | null;
                        maxPlayers?: number | null;
                        minPlayers?: number | null;
                        minPlayersCheckMinutes?: number | null;
                        postAt?: string | null;
                        recurrence?: ({
                            interval: number;
                            /** @enum {string} */
                            kind: "weekly";
                        } | {
                            interval: number;
                            /** @enum {string} */
                            kind: "monthly_date";
                        } | {
                            interval: number;
                            /** @enum {string} */
                            kind: "monthly_weekday";
                            nth: 1 | 2 | 3 | 4 | 5 | -1;
                        }) | null;
                        /** @description Minutes before the start */
                        reminderOffsetsMinutes?: number[];
                        roleSignupUntil?: string | null;
                        signupInstructions?: string | null;
                        signupMethod?: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                        signupRoleIds?: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601; stored in UTC
                         */
                        startsAt?: string;
                        /** @description IANA time zone (defaults to the guild’s) */
                        timezone?: string;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activity: string | null;
                            announcementMessageId: string | null;
                            cancelScope: ("occurrence" | "series") | null;
                            channelId: string | null;
                            confirmedCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            durationMinutes: number | null;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            guildId: string;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            hostId: string;
                            /** Format: uuid */
                            id: string;
                            joinNotificationDelayMinutes: number | null;
                            maxPlayers: number | null;
                            minPlayers: number | null;
                            minPlayersCheckMinutes: number | null;
                            participants: {
                                /** Format: date-time */
                                joinedAt: string;
                                note: string | null;
                                position: number;
                                state: "confirmed" | "waitlisted" | "declined" | "host_added";
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                userId: string;
                            }[];
                            postAt: string | null;
                            recurrence: ({
                                interval: number;
                                /** @enum {string} */
                                kind: "weekly";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_date";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_weekday";
                                nth: 1 | 2 | 3 | 4 | 5 | -1;
                            }) | null;
                            reminderOffsetsMinutes: number[];
                            roleSignupUntil: string | null;
                            seriesId: string | null;
                            seriesIndex: number;
                            signupInstructions: string | null;
                            signupMethod: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                            signupRoleIds: string[];
                            /** Format: date-time */
                            startsAt: string;
                            status: "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";
                            templateId: string | null;
                            threadId: string | null;
                            timezone: string;
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                            waitlistCount: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/{gameId}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A game as an iCalendar file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gameId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description iCalendar (RFC 5545) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": string;
                    };
                };
                /** @description Not modified */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/{gameId}/clone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new game with the same settings at another time (the caller hosts it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gameId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        activity?: string | null;
                        channelId?: string | null;
                        description?: string | null;
                        durationMinutes?: number | null;
                        endsAt?: string | null;
                        /**
                         * @description Discord id (snowflake)
                         * @example 1234567890123456789
                         */
                        hostId?: string;
                        joinNotificationDelayMinutes?: number | null;
                        maxPlayers?: number | null;
                        minPlayers?: number | null;
                        minPlayersCheckMinutes?: number | null;
                        postAt?: string | null;
                        recurrence?: ({
                            interval: number;
                            /** @enum {string} */
                            kind: "weekly";
                        } | {
                            interval: number;
                            /** @enum {string} */
                            kind: "monthly_date";
                        } | {
                            interval: number;
                            /** @enum {string} */
                            kind: "monthly_weekday";
                            nth: 1 | 2 | 3 | 4 | 5 | -1;
                        }) | null;
                        /** @description Minutes before the start */
                        reminderOffsetsMinutes?: number[];
                        roleSignupUntil?: string | null;
                        signupInstructions?: string | null;
                        signupMethod?: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                        signupRoleIds?: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601; stored in UTC
                         */
                        startsAt: string;
                        /** @description IANA time zone (defaults to the guild’s) */
                        timezone?: string;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activity: string | null;
                            announcementMessageId: string | null;
                            cancelScope: ("occurrence" | "series") | null;
                            channelId: string | null;
                            confirmedCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            durationMinutes: number | null;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            guildId: string;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            hostId: string;
                            /** Format: uuid */
                            id: string;
                            joinNotificationDelayMinutes: number | null;
                            maxPlayers: number | null;
                            minPlayers: number | null;
                            minPlayersCheckMinutes: number | null;
                            participants: {
                                /** Format: date-time */
                                joinedAt: string;
                                note: string | null;
                                position: number;
                                state: "confirmed" | "waitlisted" | "declined" | "host_added";
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                userId: string;
                            }[];
                            postAt: string | null;
                            recurrence: ({
                                interval: number;
                                /** @enum {string} */
                                kind: "weekly";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_date";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_weekday";
                                nth: 1 | 2 | 3 | 4 | 5 | -1;
                            }) | null;
                            reminderOffsetsMinutes: number[];
                            roleSignupUntil: string | null;
                            seriesId: string | null;
                            seriesIndex: number;
                            signupInstructions: string | null;
                            signupMethod: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                            signupRoleIds: string[];
                            /** Format: date-time */
                            startsAt: string;
                            status: "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";
                            templateId: string | null;
                            threadId: string | null;
                            timezone: string;
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                            waitlistCount: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/{gameId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer "can’t come" (frees a slot like leaving) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gameId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            confirmedCount: number;
                            demoted: string[];
                            /** Format: uuid */
                            gameId: string;
                            position: number | null;
                            promoted: string[];
                            state: ("confirmed" | "waitlisted" | "declined" | "host_added") | null;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            userId: string;
                            waitlistCount: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/{gameId}/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign up as the signed-in user (confirmed or waitlisted), with an optional note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gameId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            confirmedCount: number;
                            demoted: string[];
                            /** Format: uuid */
                            gameId: string;
                            position: number | null;
                            promoted: string[];
                            state: ("confirmed" | "waitlisted" | "declined" | "host_added") | null;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            userId: string;
                            waitlistCount: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/{gameId}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Leave the game; the first waitlisted player moves up */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gameId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            confirmedCount: number;
                            demoted: string[];
                            /** Format: uuid */
                            gameId: string;
                            position: number | null;
                            promoted: string[];
                            state: ("confirmed" | "waitlisted" | "declined" | "host_added") | null;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            userId: string;
                            waitlistCount: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/{gameId}/participants/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Host adds a player (may push the last self-joined player back to the waitlist) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gameId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            confirmedCount: number;
                            demoted: string[];
                            /** Format: uuid */
                            gameId: string;
                            position: number | null;
                            promoted: string[];
                            state: ("confirmed" | "waitlisted" | "declined" | "host_added") | null;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            userId: string;
                            waitlistCount: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Host removes a player; the first waitlisted player moves up */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gameId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            confirmedCount: number;
                            demoted: string[];
                            /** Format: uuid */
                            gameId: string;
                            position: number | null;
                            promoted: string[];
                            state: ("confirmed" | "waitlisted" | "declined" | "host_added") | null;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            userId: string;
                            waitlistCount: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/{gameId}/participants/{userId}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Host moves a waitlisted player to confirmed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gameId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            confirmedCount: number;
                            demoted: string[];
                            /** Format: uuid */
                            gameId: string;
                            position: number | null;
                            promoted: string[];
                            state: ("confirmed" | "waitlisted" | "declined" | "host_added") | null;
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            userId: string;
                            waitlistCount: number;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guild's games configuration */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            announcementChannelIds: string[];
                            defaultReminderOffsetsMinutes: number[];
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            guildId: string;
                            hostRoleIds: string[];
                            tempRole: boolean;
                            threadPerGame: boolean;
                            timezone: string;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        /** Change the games configuration (guild admins); fields left out stay */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        announcementChannelIds?: string[];
                        defaultReminderOffsetsMinutes?: number[];
                        hostRoleIds?: string[];
                        tempRole?: boolean;
                        threadPerGame?: boolean;
                        /** @description IANA time zone (defaults to the guild’s) */
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            announcementChannelIds: string[];
                            defaultReminderOffsetsMinutes: number[];
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            guildId: string;
                            hostRoleIds: string[];
                            tempRole: boolean;
                            threadPerGame: boolean;
                            timezone: string;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live changes of the guild’s games (server-sent events)
         * @description A text/event-stream of changes to the guild's games, for refetching what changed.
         *
         *     - `change`: `{"gameId": "…", "kind": "game.insert|game.update|game.delete|participant.insert|participant.update|participant.delete", "occurredAt": "…"}`
         *     - `reset`: `{"reason": "…"}` — changes were missed beyond replay: refetch everything.
         *     - `ready`: sent once the replay after `Last-Event-ID` is done.
         *     - comment lines (`: keepalive`) every 15 s.
         *     - the stream ends after about 10 minutes; the browser reconnects (authorized again) and misses nothing.
         *     - at most 20 streams per user at once (429 `LIVE_STREAMS_LIMIT`).
         *
         *     Every `change`, `reset` and `ready` carries an `id`; a reconnecting EventSource sends the last one as `Last-Event-ID` and receives what it missed.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Resume after this event id (for a first connection; reconnecting browsers send the Last-Event-ID header instead) */
                    lastEventId?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An event stream (never ends by itself) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/reminder-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's reminder preferences (gameId null: every game) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            preferences: {
                                gameId: string | null;
                                leadMinutes: number | null;
                                muted: boolean;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        /** Mute reminders (one game or all) or choose your own lead time */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        gameId?: string | null;
                        leadMinutes?: number | null;
                        muted?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            gameId: string | null;
                            leadMinutes: number | null;
                            muted: boolean;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Game templates of a guild */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            templates: {
                                /** Format: date-time */
                                createdAt: string;
                                defaults: {
                                    activity?: string | null;
                                    channelId?: string | null;
                                    description?: string | null;
                                    durationMinutes?: number | null;
                                    joinNotificationDelayMinutes?: number | null;
                                    maxPlayers?: number | null;
                                    minPlayers?: number | null;
                                    minPlayersCheckMinutes?: number | null;
                                    recurrence?: ({
                                        interval: number;
                                        /** @enum {string} */
                                        kind: "weekly";
                                    } | {
                                        interval: number;
                                        /** @enum {string} */
                                        kind: "monthly_date";
                                    } | {
                                        interval: number;
                                        /** @enum {string} */
                                        kind: "monthly_weekday";
                                        nth: 1 | 2 | 3 | 4 | 5 | -1;
                                    }) | null;
                                    /** @description Minutes before the start */
                                    reminderOffsetsMinutes?: number[];
                                    signupInstructions?: string | null;
                                    signupMethod?: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                                    signupRoleIds?: string[];
                                    /** @description IANA time zone (defaults to the guild’s) */
                                    timezone?: string;
                                    title?: string;
                                };
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                guildId: string;
                                /** Format: uuid */
                                id: string;
                                locked: ("title" | "description" | "activity" | "channelId" | "durationMinutes" | "minPlayers" | "maxPlayers" | "signupMethod" | "signupRoleIds" | "reminderOffsetsMinutes" | "minPlayersCheckMinutes" | "joinNotificationDelayMinutes" | "signupInstructions" | "recurrence" | "timezone")[];
                                name: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a template (hosts): defaults and locked fields for new games */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        defaults: {
                            activity?: string | null;
                            channelId?: string | null;
                            description?: string | null;
                            durationMinutes?: number | null;
                            joinNotificationDelayMinutes?: number | null;
                            maxPlayers?: number | null;
                            minPlayers?: number | null;
                            minPlayersCheckMinutes?: number | null;
                            recurrence?: ({
                                interval: number;
                                /** @enum {string} */
                                kind: "weekly";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_date";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_weekday";
                                nth: 1 | 2 | 3 | 4 | 5 | -1;
                            }) | null;
                            /** @description Minutes before the start */
                            reminderOffsetsMinutes?: number[];
                            signupInstructions?: string | null;
                            signupMethod?: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                            signupRoleIds?: string[];
                            /** @description IANA time zone (defaults to the guild’s) */
                            timezone?: string;
                            title?: string;
                        };
                        locked?: ("title" | "description" | "activity" | "channelId" | "durationMinutes" | "minPlayers" | "maxPlayers" | "signupMethod" | "signupRoleIds" | "reminderOffsetsMinutes" | "minPlayersCheckMinutes" | "joinNotificationDelayMinutes" | "signupInstructions" | "recurrence" | "timezone")[];
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            defaults: {
                                activity?: string | null;
                                channelId?: string | null;
                                description?: string | null;
                                durationMinutes?: number | null;
                                joinNotificationDelayMinutes?: number | null;
                                maxPlayers?: number | null;
                                minPlayers?: number | null;
                                minPlayersCheckMinutes?: number | null;
                                recurrence?: ({
                                    interval: number;
                                    /** @enum {string} */
                                    kind: "weekly";
                                } | {
                                    interval: number;
                                    /** @enum {string} */
                                    kind: "monthly_date";
                                } | {
                                    interval: number;
                                    /** @enum {string} */
                                    kind: "monthly_weekday";
                                    nth: 1 | 2 | 3 | 4 | 5 | -1;
                                }) | null;
                                /** @description Minutes before the start */
                                reminderOffsetsMinutes?: number[];
                                signupInstructions?: string | null;
                                signupMethod?: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                                signupRoleIds?: string[];
                                /** @description IANA time zone (defaults to the guild’s) */
                                timezone?: string;
                                title?: string;
                            };
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            guildId: string;
                            /** Format: uuid */
                            id: string;
                            locked: ("title" | "description" | "activity" | "channelId" | "durationMinutes" | "minPlayers" | "maxPlayers" | "signupMethod" | "signupRoleIds" | "reminderOffsetsMinutes" | "minPlayersCheckMinutes" | "joinNotificationDelayMinutes" | "signupInstructions" | "recurrence" | "timezone")[];
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/games/templates/{templateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A game template */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            defaults: {
                                activity?: string | null;
                                channelId?: string | null;
                                description?: string | null;
                                durationMinutes?: number | null;
                                joinNotificationDelayMinutes?: number | null;
                                maxPlayers?: number | null;
                                minPlayers?: number | null;
                                minPlayersCheckMinutes?: number | null;
                                recurrence?: ({
                                    interval: number;
                                    /** @enum {string} */
                                    kind: "weekly";
                                } | {
                                    interval: number;
                                    /** @enum {string} */
                                    kind: "monthly_date";
                                } | {
                                    interval: number;
                                    /** @enum {string} */
                                    kind: "monthly_weekday";
                                    nth: 1 | 2 | 3 | 4 | 5 | -1;
                                }) | null;
                                /** @description Minutes before the start */
                                reminderOffsetsMinutes?: number[];
                                signupInstructions?: string | null;
                                signupMethod?: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                                signupRoleIds?: string[];
                                /** @description IANA time zone (defaults to the guild’s) */
                                timezone?: string;
                                title?: string;
                            };
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            guildId: string;
                            /** Format: uuid */
                            id: string;
                            locked: ("title" | "description" | "activity" | "channelId" | "durationMinutes" | "minPlayers" | "maxPlayers" | "signupMethod" | "signupRoleIds" | "reminderOffsetsMinutes" | "minPlayersCheckMinutes" | "joinNotificationDelayMinutes" | "signupInstructions" | "recurrence" | "timezone")[];
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        /** Replace a template (hosts) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        defaults: {
                            activity?: string | null;
                            channelId?: string | null;
                            description?: string | null;
                            durationMinutes?: number | null;
                            joinNotificationDelayMinutes?: number | null;
                            maxPlayers?: number | null;
                            minPlayers?: number | null;
                            minPlayersCheckMinutes?: number | null;
                            recurrence?: ({
                                interval: number;
                                /** @enum {string} */
                                kind: "weekly";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_date";
                            } | {
                                interval: number;
                                /** @enum {string} */
                                kind: "monthly_weekday";
                                nth: 1 | 2 | 3 | 4 | 5 | -1;
                            }) | null;
                            /** @description Minutes before the start */
                            reminderOffsetsMinutes?: number[];
                            signupInstructions?: string | null;
                            signupMethod?: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                            signupRoleIds?: string[];
                            /** @description IANA time zone (defaults to the guild’s) */
                            timezone?: string;
                            title?: string;
                        };
                        locked?: ("title" | "description" | "activity" | "channelId" | "durationMinutes" | "minPlayers" | "maxPlayers" | "signupMethod" | "signupRoleIds" | "reminderOffsetsMinutes" | "minPlayersCheckMinutes" | "joinNotificationDelayMinutes" | "signupInstructions" | "recurrence" | "timezone")[];
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            defaults: {
                                activity?: string | null;
                                channelId?: string | null;
                                description?: string | null;
                                durationMinutes?: number | null;
                                joinNotificationDelayMinutes?: number | null;
                                maxPlayers?: number | null;
                                minPlayers?: number | null;
                                minPlayersCheckMinutes?: number | null;
                                recurrence?: ({
                                    interval: number;
                                    /** @enum {string} */
                                    kind: "weekly";
                                } | {
                                    interval: number;
                                    /** @enum {string} */
                                    kind: "monthly_date";
                                } | {
                                    interval: number;
                                    /** @enum {string} */
                                    kind: "monthly_weekday";
                                    nth: 1 | 2 | 3 | 4 | 5 | -1;
                                }) | null;
                                /** @description Minutes before the start */
                                reminderOffsetsMinutes?: number[];
                                signupInstructions?: string | null;
                                signupMethod?: "SELF_SIGNUP" | "HOST_SELECTED" | "HOST_SELECTED_WITH_WAITLIST" | "ROLE_BASED";
                                signupRoleIds?: string[];
                                /** @description IANA time zone (defaults to the guild’s) */
                                timezone?: string;
                                title?: string;
                            };
                            /**
                             * @description Discord id (snowflake)
                             * @example 1234567890123456789
                             */
                            guildId: string;
                            /** Format: uuid */
                            id: string;
                            locked: ("title" | "description" | "activity" | "channelId" | "durationMinutes" | "minPlayers" | "maxPlayers" | "signupMethod" | "signupRoleIds" | "reminderOffsetsMinutes" | "minPlayersCheckMinutes" | "joinNotificationDelayMinutes" | "signupInstructions" | "recurrence" | "timezone")[];
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a template (games created from it keep their settings) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A guild's members by name (to pick someone, e.g. a player to add) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Part of a name */
                    q?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                avatar: string | null;
                                /** @description Nickname, else display name, else username */
                                displayName: string;
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                id: string;
                                roleIds: string[];
                                username: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A guild's roles, highest first (to choose capability roles from) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            roles: {
                                /** @description RGB colour, 0 for none */
                                color: number;
                                /** @description The @everyone role (its id is the guild id) */
                                everyone: boolean;
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                id: string;
                                name: string;
                                position: number;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guilds/{guildId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A guild's settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            capabilityRoles: {
                                [key: string]: string[];
                            };
                            enabledModules: string[];
                            locale: string;
                            timezone: string;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        /** Replace a guild's settings (guild admins) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capabilityRoles: {
                            host?: string[];
                            moderator?: string[];
                            verifier?: string[];
                        };
                        enabledModules: string[];
                        /** @enum {string} */
                        locale: "en" | "de";
                        /** @description IANA time zone, e.g. Europe/Berlin */
                        timezone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            capabilityRoles: {
                                [key: string]: string[];
                            };
                            enabledModules: string[];
                            locale: string;
                            timezone: string;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and the guilds they share with the bot */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            guilds: {
                                icon: string | null;
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                id: string;
                                name: string;
                                owner: boolean;
                            }[];
                            user: {
                                avatar: string | null;
                                globalName: string | null;
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                id: string;
                                locale: string | null;
                                username: string;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your calendar feed token (without the secret), or null */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            feed: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Last fetched (hourly resolution) */
                                lastUsedAt: string | null;
                                /** @description The first characters of the token, to tell URLs apart */
                                prefix: string;
                            } | null;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create your calendar feed token, replacing (rotating) any earlier one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Last fetched (hourly resolution) */
                            lastUsedAt: string | null;
                            /** @description The first characters of the token, to tell URLs apart */
                            prefix: string;
                            /** @description Shown this once; only its hash is stored */
                            token: string;
                            /** @description The address to subscribe to in a calendar app */
                            url: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        /** Revoke your calendar feed token (its URL stops working) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked (or there was none) */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The modules a guild can enable in its settings (enabledModules) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            modules: {
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sandbox channels you (or the person you act as) can see, with their guilds, roles and people: what a Discord client shows names from (demo mode) */
        get: {
            parameters: {
                query?: {
                    /**
                     * @description Act as this person of the sandbox instead of yourself (default: the signed-in user)
                     * @example 1234567890123456789
                     */
                    actAs?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: {
                                guildId: string | null;
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                id: string;
                                name: string | null;
                                parentId: string | null;
                                type: number;
                            }[];
                            guilds: {
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                id: string;
                                name: string;
                                roles: {
                                    color: number;
                                    /**
                                     * @description Discord id (snowflake)
                                     * @example 1234567890123456789
                                     */
                                    id: string;
                                    name: string;
                                }[];
                            }[];
                            people: {
                                bot: boolean;
                                globalName: string | null;
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                id: string;
                                username: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The slash commands the bot offers, to run them in the sandbox (demo mode) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            commands: {
                                description: string;
                                name: string;
                                options: {
                                    autocomplete: boolean;
                                    choices: {
                                        name: string;
                                        value: string | number;
                                    }[];
                                    description: string;
                                    maxLength?: number;
                                    maxValue?: number;
                                    minLength?: number;
                                    minValue?: number;
                                    name: string;
                                    required: boolean;
                                    /** @enum {string} */
                                    type: "string" | "integer" | "boolean" | "user" | "channel" | "role" | "mentionable" | "number" | "attachment";
                                }[];
                                subcommands: {
                                    description: string;
                                    name: string;
                                    options: {
                                        autocomplete: boolean;
                                        choices: {
                                            name: string;
                                            value: string | number;
                                        }[];
                                        description: string;
                                        maxLength?: number;
                                        maxValue?: number;
                                        minLength?: number;
                                        minValue?: number;
                                        name: string;
                                        required: boolean;
                                        /** @enum {string} */
                                        type: "string" | "integer" | "boolean" | "user" | "channel" | "role" | "mentionable" | "number" | "attachment";
                                    }[];
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/interactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Press a button, choose in a menu, submit a form or run a command as yourself (demo mode) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Act as this person of the sandbox instead of yourself (default: the signed-in user)
                         * @example 1234567890123456789
                         */
                        actAs?: string;
                        customId: string;
                        locale?: string;
                        /**
                         * @description Discord id (snowflake)
                         * @example 1234567890123456789
                         */
                        messageId: string;
                        /** @enum {string} */
                        type: "component";
                        values?: string[];
                    } | {
                        /**
                         * @description Act as this person of the sandbox instead of yourself (default: the signed-in user)
                         * @example 1234567890123456789
                         */
                        actAs?: string;
                        /**
                         * @description Discord id (snowflake)
                         * @example 1234567890123456789
                         */
                        channelId: string;
                        customId: string;
                        fields: {
                            [key: string]: string;
                        };
                        locale?: string;
                        /**
                         * @description Discord id (snowflake)
                         * @example 1234567890123456789
                         */
                        messageId?: string;
                        /** @enum {string} */
                        type: "modal";
                    } | {
                        /**
                         * @description Act as this person of the sandbox instead of yourself (default: the signed-in user)
                         * @example 1234567890123456789
                         */
                        actAs?: string;
                        /**
                         * @description Discord id (snowflake)
                         * @example 1234567890123456789
                         */
                        channelId: string;
                        locale?: string;
                        name: string;
                        options?: {
                            [key: string]: string | number | boolean;
                        };
                        subcommand?: string;
                        /** @enum {string} */
                        type: "command";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            response: {
                                data?: unknown;
                                type: number;
                            };
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the bot sent that you can see: channel messages of your guilds, your DMs and answers meant for you */
        get: {
            parameters: {
                query?: {
                    /**
                     * @description Act as this person of the sandbox instead of yourself (default: the signed-in user)
                     * @example 1234567890123456789
                     */
                    actAs?: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    before?: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    channelId?: string;
                    /**
                     * @description Discord id (snowflake)
                     * @example 1234567890123456789
                     */
                    guildId?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messages: {
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                authorId: string;
                                bot: string;
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                channelId: string;
                                components: unknown[];
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                deletedAt: string | null;
                                editedAt: string | null;
                                embeds: unknown[];
                                flags: number;
                                guildId: string | null;
                                /**
                                 * @description Discord id (snowflake)
                                 * @example 1234567890123456789
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "message" | "dm" | "interaction_response" | "followup";
                                reactions: string[];
                                recipientId: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                code?: string;
                                detail: string;
                                /** @description JSON pointer into the request, e.g. /body/maxPlayers */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
