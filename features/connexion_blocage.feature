# language: fr
Fonctionnalité: Le compte bloqué après trop de mots de passe erronés
  Après trop de mots de passe erronés, la connexion est bloquée un moment (article
  « compte bloqué ») ; l'assuré peut toujours renouveler son mot de passe. Le nombre
  d'essais et la durée sont ceux que déclare le profil de la cible.

  @CONNEXION-BLOCAGE
  Scénario: Trop d'erreurs bloquent la connexion un moment ; « Mot de passe oublié » reste possible
    Étant donné un assuré dont le compte ameli a une adresse mail validée
    Quand je me connecte avec un mauvais mot de passe autant de fois que le service le permet
    Et je me connecte avec mon mot de passe
    Alors la connexion est refusée
    Quand je clique sur « Mot de passe oublié ? »
    Alors je suis sur le formulaire « Mot de passe oublié »
    Quand la durée du blocage de la connexion est passée
    Et je me connecte avec mon mot de passe
    Alors je suis connecté à mon compte ameli
