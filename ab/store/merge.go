package store

import (
	"context"
	"errors"
	"fmt"
)

// Merge copies the events of every store in ins into out, so that the
// stores of several people make one team store. All of them must compare
// the same two models; out keeps its own arms (or takes those of the
// first input when it has none) and every copied event's arm is set from
// its model under them. It returns how many events were copied.
func Merge(ctx context.Context, out Store, ins ...Store) (int, error) {
	if len(ins) == 0 {
		return 0, errors.New("merge: no input stores")
	}
	first, ok, err := ins[0].Mapping(ctx)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, fmt.Errorf("merge: %s has no arms (no server ever recorded in it)", ins[0].Location())
	}
	models := [2]string{first.A, first.B}
	for _, in := range ins[1:] {
		a, ok, err := in.Mapping(ctx)
		if err != nil {
			return 0, err
		}
		if !ok {
			return 0, fmt.Errorf("merge: %s has no arms (no server ever recorded in it)", in.Location())
		}
		if err := checkArms(in.Location(), a, models); err != nil {
			return 0, fmt.Errorf("merge: %w", err)
		}
	}
	arms, err := out.Arms(ctx, models, nil)
	if err != nil {
		return 0, fmt.Errorf("merge into %s: %w", out.Location(), err)
	}
	total := 0
	for _, in := range ins {
		var batch []Event
		flush := func() error {
			if err := out.Append(ctx, batch); err != nil {
				return fmt.Errorf("merge %s into %s: %w", in.Location(), out.Location(), err)
			}
			total += len(batch)
			batch = batch[:0]
			return nil
		}
		err := in.Scan(ctx, timeZero, func(e *Event) error {
			ev := *e
			ev.Seq = 0
			if ev.Model != "" {
				ev.Arm = arms.Arm(ev.Model)
			}
			batch = append(batch, ev)
			if len(batch) >= 4096 {
				return flush()
			}
			return nil
		})
		if err != nil {
			return total, err
		}
		if err := flush(); err != nil {
			return total, err
		}
	}
	return total, nil
}
