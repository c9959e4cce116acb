-- The request an answer was accepted for. A verdict is now recorded in a statement of its own, after the answer's id
-- was remembered: when that statement fails (the database went away) and the request is handled again, the same
-- answer for the same request is not a replay; the same answer for another request still is. Rows from before this
-- column have none and stay replays for every request.
alter table seen_answer add column request_id uuid;
