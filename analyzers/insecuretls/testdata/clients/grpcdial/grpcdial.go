// Package grpcdial dials gRPC servers with and without TLS.
package grpcdial

import (
	"context"
	"crypto/tls"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

func ledger() (*grpc.ClientConn, error) {
	return grpc.NewClient("ledger.payments.example.com:443", grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc.NewClient dials "ledger.payments.example.com:443" with insecure.NewCredentials\(\): requests, tokens`
}

func legacy(ctx context.Context) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, "10.0.3.7:9000", grpc.WithInsecure()) // want `grpc.DialContext dials "10.0.3.7:9000" with grpc.WithInsecure\(\)`
}

func viaOpts() (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())} // want `grpc.Dial dials "dns:///users.internal.example.com:50051"`
	return grpc.Dial("dns:///users.internal.example.com:50051", opts...)
}

// Note: the target comes from configuration.
func configured(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc.NewClient dials addr with insecure.NewCredentials\(\): if that target is not loopback`
}

// Note: options built away from the dial.
func options() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithInsecure()} // want `grpc.WithInsecure\(\) makes a gRPC client send requests and credentials in plaintext`
}

// Bad: TLS credentials whose config does not verify.
func ledgerOverTLS() (*grpc.ClientConn, error) {
	creds := credentials.NewTLS(&tls.Config{InsecureSkipVerify: true}) // want `InsecureSkipVerify: true turns off`
	return grpc.NewClient("ledger.payments.example.com:443", grpc.WithTransportCredentials(creds))
}

// Good: loopback, unix sockets, in-process listeners, TLS.
func local(ctx context.Context) {
	plain := grpc.WithTransportCredentials(insecure.NewCredentials())
	_, _ = grpc.NewClient("localhost:50051", plain)
	_, _ = grpc.NewClient("127.0.0.1:50051", grpc.WithTransportCredentials(insecure.NewCredentials()))
	_, _ = grpc.NewClient("[::1]:50051", grpc.WithInsecure())
	_, _ = grpc.NewClient("unix:///var/run/agent.sock", grpc.WithTransportCredentials(insecure.NewCredentials()))
	_, _ = grpc.DialContext(ctx, "bufnet", grpc.WithTransportCredentials(insecure.NewCredentials()))
	_, _ = grpc.NewClient("passthrough:///bufnet", grpc.WithTransportCredentials(insecure.NewCredentials()))
	_, _ = grpc.NewClient("ledger.payments.example.com:443", grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})))
}

// Good: a plaintext server (behind a mesh) is not a client dial.
func server() *grpc.Server {
	return grpc.NewServer(grpc.Creds(insecure.NewCredentials()))
}
