package mongoapp

import (
	"context"

	"github.com/gin-gonic/gin"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

type Note struct {
	ID    primitive.ObjectID `bson:"_id"`
	Owner string
	Body  string
}

var notes *mongo.Collection

func getNote(c *gin.Context) { // want `handler getNote gin`
	objID, _ := primitive.ObjectIDFromHex(c.Param("id")) // want `input path id`
	var note Note
	notes.FindOne(context.TODO(), bson.M{"_id": objID}).Decode(&note) // want `access mongo read FindOne \[bson.M\{…\}<path:id\] conds=0 model=example.com/hm/mongoapp.Note`
	c.JSON(200, note)                                                 // want `response json note`
}

func updateNote(c *gin.Context) { // want `handler updateNote gin`
	objID, _ := primitive.ObjectIDFromHex(c.Param("id")) // want `input path id`
	body := c.PostForm("body")                           // want `input form body`
	// the update document is not a selector
	notes.UpdateOne(context.TODO(), bson.M{"_id": objID}, bson.M{"$set": bson.M{"body": body}}) // want `access mongo write UpdateOne \[bson.M\{…\}<path:id\] conds=0`
}

// DeleteNote: the filter parameter selects (a repository function); the
// model is the one it is named after.
func DeleteNote(ctx context.Context, filter bson.M) error { // want `fact access\(delete sel1 model=Note\)`
	_, err := notes.DeleteOne(ctx, filter)
	return err
}
