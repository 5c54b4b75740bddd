// Package apistatus is an API's error bodies, built by constructors that
// name their status (flightctl's api.StatusUnauthorized).
package apistatus

type Status struct {
	Code    int32  `json:"code"`
	Message string `json:"message"`
}

func StatusUnauthorized(msg string) Status { return Status{Code: 401, Message: msg} }

func StatusBadRequest(msg string) Status { return Status{Code: 400, Message: msg} }

func IsUnauthorized(s Status) bool { return s.Code == 401 }
