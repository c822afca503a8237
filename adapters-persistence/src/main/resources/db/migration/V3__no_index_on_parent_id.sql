-- Every index of refresh_tokens is written at each rotation, twice for those H2 rewrites on the retiring UPDATE. The
-- index on parent_id served only the reuse grace period's question "what is this token's successor?", which the
-- index on family_id answers as well: a family holds one record per exchange. Dropping it cut the cost of a rotation's
-- INSERT and UPDATE on H2 by about a third.
DROP INDEX refresh_tokens_parent_id_idx;
