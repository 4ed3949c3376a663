package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strconv"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

var postgresDialect = dialect{
	name:   "postgres",
	seqCol: "BIGSERIAL PRIMARY KEY",
	ph:     func(i int) string { return "$" + strconv.Itoa(i) },
}

// postgresConnectTimeout bounds connecting when opening: a server that
// does not answer is an error, not a hang.
const postgresConnectTimeout = 5 * time.Second

// OpenPostgres opens the store in the PostgreSQL database at dsn (a
// postgres:// URL), creating its tables on first use. Several servers may
// write to one database at once.
func OpenPostgres(ctx context.Context, dsn string) (Store, error) {
	loc := RedactURL(dsn)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("A/B store %s: %w", loc, err)
	}
	db.SetMaxOpenConns(4)
	s := newSQLStore(db, postgresDialect, loc)
	cctx, cancel := context.WithTimeout(ctx, postgresConnectTimeout)
	defer cancel()
	if err := s.openPostgres(cctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("A/B store %s: %w", loc, err)
	}
	return s, nil
}

func (s *sqlStore) openPostgres(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("unreachable: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// One migration at a time across servers.
	if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(7411419)"); err != nil {
		return err
	}
	var hasMeta bool
	if err := tx.QueryRowContext(ctx, "SELECT to_regclass('ab_meta') IS NOT NULL").Scan(&hasMeta); err != nil {
		return err
	}
	if err := s.migrate(ctx, tx, hasMeta); err != nil {
		return err
	}
	return tx.Commit()
}

// RedactURL returns a database URL without its password.
func RedactURL(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://(unreadable URL)"
	}
	return u.Redacted()
}
