package persist

import "testing"

func BenchmarkSensitiveName(b *testing.B) {
	names := []string{"PasswordHash", "Email", "ResetTokenExpiresAt", "CreatedAt", "api_key", "OrganizationID"}
	for i := 0; i < b.N; i++ {
		for _, n := range names {
			SensitiveName(n)
			PrivilegedName(n)
		}
	}
}

func BenchmarkFields(b *testing.B) {
	t := userType(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range Fields(t) {
			Sensitive(f)
		}
	}
}
