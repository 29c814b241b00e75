-- How a cancelled game was cancelled. 'occurrence': this instance only — a recurring series goes
-- on, its next instance is still created when this one would have ended. 'series': this and every
-- later instance — nothing more is created. Null while the game is not cancelled.
alter table games.games add column cancel_scope text check (cancel_scope in ('occurrence', 'series'));

-- Before scopes existed, cancelling any instance ended its series.
update games.games set cancel_scope = case when recurrence is null then 'occurrence' else 'series' end
 where status = 'CANCELLED';
