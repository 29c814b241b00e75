-- What a series' next instance is created from, when it differs from the current instance's own
-- settings. Only the current instance of a series exists and the next one is created from it when
-- it ends, so an edit of "this game only" (PATCH ?scope=occurrence) keeps the series' settings
-- here, as they were before it, and the series goes on with them: moving this week's game to
-- Wednesday does not move every later week. Null: the instance's own settings are the series'
-- (the usual case). JSON of the game's settings (the API's field names, times in ISO 8601 UTC).
alter table games.games add column series_base jsonb;
