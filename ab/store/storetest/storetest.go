// Package storetest gives tests a PostgreSQL database of their own for
// the A/B store: a fresh schema in the server that the environment
// variable SECURECOMPLETE_TEST_POSTGRES names, dropped when the test ends.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// EnvPostgres names the variable holding the test server's DSN, a
// postgres:// URL.
const EnvPostgres = "SECURECOMPLETE_TEST_POSTGRES"

// Postgres returns the DSN of a new, empty schema for t in the test
// server. Without a server it skips t with a message, and fails it when
// SECURECOMPLETE_CI=1 (CI must run these tests).
func Postgres(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(EnvPostgres)
	if dsn == "" {
		if os.Getenv("SECURECOMPLETE_CI") == "1" {
			t.Fatalf("SECURECOMPLETE_CI=1 but %s is unset: CI must give the PostgreSQL store tests a server (.ci/run starts one)", EnvPostgres)
		}
		t.Skipf("no PostgreSQL server: set %s=postgres://user@127.0.0.1:5432/db?sslmode=disable to run the PostgreSQL store tests", EnvPostgres)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	schema := fmt.Sprintf("abtest_%d_%x", time.Now().UnixNano(), rand.Uint32())
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		db.Close()
		t.Fatalf("create a schema in the test server %s: %v", redact(dsn), err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Logf("drop the test schema %s: %v", schema, err)
		}
		db.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unreadable URL)"
	}
	return u.Redacted()
}
