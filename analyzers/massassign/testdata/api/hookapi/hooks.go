package hookapi

import (
	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"example.com/api/models"
	"example.com/api/svc"
)

type H struct{ DB *gorm.DB }

func (h *H) createTicket(c *gin.Context) {
	var t models.Ticket
	if err := c.ShouldBindJSON(&t); err != nil {
		return
	}
	h.DB.Create(&t) // BeforeCreate sets OwnerID
}

func (h *H) saveTicket(c *gin.Context) {
	var t models.Ticket
	if err := c.ShouldBindJSON(&t); err != nil { // want `models.Ticket, which \(\*gorm.DB\).Save writes .*OwnerID`
		return
	}
	h.DB.Save(&t) // an update runs no BeforeCreate
}

func (h *H) createInvite(c *gin.Context) {
	var i models.Invite
	if err := c.ShouldBindJSON(&i); err != nil { // want `models.Invite, which \(\*gorm.DB\).Create writes .*Role`
		return
	}
	h.DB.Create(&i)
}

func (h *H) createBadge(c *gin.Context) {
	var b models.Badge
	if err := c.ShouldBindJSON(&b); err != nil { // want `models.Badge, which \(\*gorm.DB\).Create writes .*Role`
		return
	}
	h.DB.Create(&b)
}

func (h *H) createMemo(c *gin.Context) {
	var m models.Memo
	if err := c.ShouldBindJSON(&m); err != nil { // want `models.Memo, which \(\*gorm.DB\).Create writes .*OwnerID`
		return
	}
	h.DB.Create(&m)
}

func (h *H) createDraft(c *gin.Context) {
	var d models.Draft
	if err := c.ShouldBindJSON(&d); err != nil { // want `models.Draft, which \(\*gorm.DB\).Create writes .*OwnerID`
		return
	}
	h.DB.Create(&d)
}

func (h *H) saveReview(c *gin.Context) {
	var r models.Review
	if err := c.ShouldBindJSON(&r); err != nil {
		return
	}
	h.DB.Save(&r) // BeforeSave stamps AuthorID and clears Approved
}

func (h *H) patchReview(c *gin.Context) {
	var r models.Review
	if err := c.ShouldBindJSON(&r); err != nil { // want `models.Review, which \(\*gorm.DB\).UpdateColumns writes .*AuthorID`
		return
	}
	h.DB.Model(&r).UpdateColumns(&r) // UpdateColumns skips hooks
}

func (h *H) createFolder(c *gin.Context) {
	var f models.Folder
	if err := c.ShouldBindJSON(&f); err != nil {
		return
	}
	h.DB.Create(&f) // the embedded Stamped's BeforeCreate sets CreatedBy
}

func (h *H) createCustomer(c *gin.Context) {
	var cu models.Customer
	if err := c.ShouldBindJSON(&cu); err != nil { // want `models.Customer, which CreateCustomer writes at line \d+: the client can set TenantID;`
		return
	}
	_ = svc.CreateCustomer(c.Request.Context(), cu) // the callback stamps created_by, not tenant_id (query callbacks write nothing)
}

func (h *H) createCustomerOK(c *gin.Context) {
	var cu models.Customer
	if err := c.ShouldBindJSON(&cu); err != nil {
		return
	}
	cu.TenantID = 7
	_ = svc.CreateCustomer(c.Request.Context(), cu) // created_by stamped by the registered callback
}

func (h *H) updateCustomer(c *gin.Context) {
	var cu models.Customer
	if err := c.ShouldBindJSON(&cu); err != nil { // want `models.Customer, which UpdateCustomer writes .*CreatedBy`
		return
	}
	cu.TenantID = 7
	_ = svc.UpdateCustomer(c.Request.Context(), cu) // Save may update: the create stamp does not run
}

func (h *H) copied(c *gin.Context) {
	var in models.Ticket
	if err := c.ShouldBindJSON(&in); err != nil { // want `models.Ticket, which \(\*gorm.DB\).Save writes .*OwnerID`
		return
	}
	t := in
	h.DB.Save(&t) // the copy carries the client's OwnerID
}

func (h *H) pointed(c *gin.Context) {
	in := new(models.Ticket)
	if err := c.ShouldBindJSON(in); err != nil { // want `models.Ticket, which \(\*gorm.DB\).Updates writes .*OwnerID`
		return
	}
	var t = *in
	h.DB.Updates(&t)
}

func (h *H) copiedThenSet(c *gin.Context) {
	var in models.Ticket
	if err := c.ShouldBindJSON(&in); err != nil {
		return
	}
	t := &in
	t.OwnerID = c.GetUint("uid") // set through the pointer
	h.DB.Save(t)
}

func (h *H) copiedOtherType(c *gin.Context) {
	var in models.Ticket
	if err := c.ShouldBindJSON(&in); err != nil {
		return
	}
	n := models.Note{Text: in.Title} // only the title is copied
	h.DB.Save(&n)
}

func (h *H) updateInviteAllowed(c *gin.Context) {
	var in models.Invite
	if err := c.ShouldBindJSON(&in); err != nil {
		return
	}
	allow := []string{"Email"}
	if c.GetBool("admin") {
		allow = append(allow, "Role")
	}
	h.DB.Select(allow).Where("id = ?", in.ID).Updates(&in) // only the listed columns are written
}

func (h *H) updateInviteOmitList(c *gin.Context) {
	var in models.Invite
	if err := c.ShouldBindJSON(&in); err != nil {
		return
	}
	h.DB.Omit([]string{"role"}...).Updates(&in)
}

func (h *H) updateInviteComputed(c *gin.Context) {
	var in models.Invite
	if err := c.ShouldBindJSON(&in); err != nil { // want `models.Invite, which \(\*gorm.DB\).Updates writes .*Role`
		return
	}
	cols := columnsFrom(c)
	h.DB.Omit(cols...).Updates(&in) // the list is not known
}

func columnsFrom(c *gin.Context) []string { return c.QueryArray("omit") }
