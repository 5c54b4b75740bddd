// Package simple implements ProfileService in the generator's "simple"
// form (plain messages, no connect.Request) and mounts it behind an
// interceptor that only authenticates.
package simple

import (
	"context"
	"errors"
	"net/http"

	"connectrpc.com/connect"
	"gorm.io/gorm"

	"example.com/connectbola/auth"
	"example.com/connectbola/interceptors"
	"example.com/connectbola/profilev1"
	"example.com/connectbola/profilev1/profilev1connect"
	"example.com/connectbola/store"
)

type ProfileServer struct {
	DB *gorm.DB
}

func (p *ProfileServer) GetProfile(ctx context.Context, req *profilev1.GetProfileRequest) (*profilev1.Profile, error) {
	var pr store.Profile
	p.DB.First(&pr, "id = ?", req.GetProfileId()) // want `request field "ProfileId" selects store.Profile in \(\*gorm.DB\).First on RPC /profiles.v1.ProfileService/GetProfile`
	return &profilev1.Profile{Bio: pr.Bio}, nil
}

// DeleteProfile checks the owner.
func (p *ProfileServer) DeleteProfile(ctx context.Context, req *profilev1.GetProfileRequest) (*profilev1.Profile, error) {
	me := auth.FromContext(ctx)
	var pr store.Profile
	p.DB.First(&pr, "id = ?", req.GetProfileId())
	if pr.UserID != me.ID {
		return nil, connect.NewError(connect.CodePermissionDenied, errors.New("not yours"))
	}
	p.DB.Delete(&pr)
	return &profilev1.Profile{}, nil
}

// Mount serves the profiles on mux.
func Mount(mux *http.ServeMux, db *gorm.DB) {
	mux.Handle(profilev1connect.NewProfileServiceHandler(&ProfileServer{DB: db}, connect.WithInterceptors(interceptors.NewAuthInterceptor())))
}

// cache has a method of the simple shape but implements no service: it
// is not a handler.
type cache struct{ db *gorm.DB }

func (c *cache) GetProfile(ctx context.Context, req *profilev1.GetProfileRequest) (*profilev1.Profile, error) {
	var pr store.Profile
	c.db.First(&pr, "id = ?", req.GetProfileId())
	return &profilev1.Profile{}, nil
}
