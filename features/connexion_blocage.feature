# language: fr
Fonctionnalité: Le compte bloqué après trop de mots de passe erronés
  Après trop de mots de passe erronés, la connexion est bloquée un moment (article
  « compte bloqué ») ; l'assuré peut toujours renouveler son mot de passe, ce qui lui rend
  l'accès. Le nombre d'essais et la durée sont ceux que déclare le profil de la cible.

  # Conception des tests (docs/conception-des-tests.md, CONNEXION-BLOCAGE) :
  # - le nombre : une erreur de moins ne bloque pas, le nombre déclaré bloque ; une connexion
  #   réussie remet le compte à zéro (le lendemain, une erreur de moins ne bloque toujours pas :
  #   une cible qui ne remet jamais le compte à zéro bloque qui se trompe de temps en temps) ;
  # - la portée : erreurs faites depuis des navigateurs différents, blocage constaté depuis un
  #   autre encore ;
  # - la durée : 15 secondes avant la fin, toujours bloqué (la fin comptée depuis l'erreur qui
  #   bloque : les erreurs sont espacées de 30 secondes, et une cible qui compte depuis l'erreur
  #   d'avant finit 30 secondes trop tôt) ; à la fin, le mot de passe ouvre le compte ;
  #   la nuit du passage à l'heure d'hiver aussi (une cible qui compte sur l'heure affichée à
  #   Paris, sans son décalage, bloque une heure de plus) ;
  # - « Mot de passe oublié » reste possible : la demande envoie son mail ; ni la demande ni
  #   l'ouverture du lien, ni un nouveau mot de passe refusé ne lèvent le blocage (c'est le
  #   nouveau mot de passe enregistré qui le lève : il ouvre le compte sans attendre la fin du
  #   blocage). Refusé deux fois : pour sa confirmation différente, puis, confirmé, pour une
  #   règle (une cible qui lève le blocage dès que les deux champs sont égaux, avant les règles,
  #   ou après les règles, avant de comparer les champs, est vue de l'une ou l'autre façon).

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée

  @CONNEXION-BLOCAGE
  Scénario: Trop d'erreurs bloquent la connexion un moment ; « Mot de passe oublié » reste possible
    Quand je me connecte avec un mauvais mot de passe autant de fois que le service le permet
    Et je me connecte avec mon mot de passe
    Alors la connexion est refusée
    Quand je clique sur « Mot de passe oublié ? » de la page de connexion
    Alors je suis sur le formulaire « Mot de passe oublié »
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à »
    Et je reçois un seul mail, à l'adresse de mon compte
    Quand je clique dans le mail sur « Renouveler mon mot de passe »
    Et je saisis un mot de passe conforme et une confirmation différente
    Et je clique sur « Valider le nouveau mot de passe »
    Et je choisis un mot de passe sans majuscule
    Et je clique sur « Valider le nouveau mot de passe »
    Et je me connecte avec mon mot de passe
    Alors la connexion est refusée
    Quand la durée du blocage de la connexion est passée
    Et je me connecte avec mon mot de passe
    Alors je suis connecté à mon compte ameli

  @CONNEXION-BLOCAGE
  Scénario: Une erreur de moins que le nombre permis ne bloque pas la connexion, et une connexion réussie remet le compte des erreurs à zéro
    Quand je me connecte avec un mauvais mot de passe une fois de moins que le service le permet
    Et je me connecte avec mon mot de passe
    Alors je suis connecté à mon compte ameli
    Quand 24 heures passent
    Et je me connecte avec un mauvais mot de passe une fois de moins que le service le permet
    Et je me connecte avec mon mot de passe
    Alors je suis connecté à mon compte ameli

  @CONNEXION-BLOCAGE
  Scénario: Le blocage vaut pour le compte, quel que soit le navigateur
    Quand je me connecte avec un mauvais mot de passe autant de fois que le service le permet, chaque fois depuis un autre navigateur
    Et je me connecte avec mon mot de passe depuis un autre navigateur
    Alors la connexion est refusée

  @CONNEXION-BLOCAGE
  Scénario: 15 secondes avant la fin du blocage, la connexion est toujours refusée
    Quand je me connecte avec un mauvais mot de passe autant de fois que le service le permet, à 30 secondes d'intervalle
    Et il est 15 secondes avant la fin du blocage de la connexion
    Et je me connecte avec mon mot de passe
    Alors la connexion est refusée

  @CONNEXION-BLOCAGE
  Scénario: La nuit du passage à l'heure d'hiver, le blocage dure ce qu'il doit, pas une heure de plus
    Étant donné que nous sommes le 29/10/2023 à 02h50 (heure d'été), heure de Paris
    Quand je me connecte avec un mauvais mot de passe autant de fois que le service le permet
    Et la durée du blocage de la connexion est passée
    Et je me connecte avec mon mot de passe
    Alors je suis connecté à mon compte ameli

  @CONNEXION-BLOCAGE
  Scénario: Un nouveau mot de passe rend l'accès au compte sans attendre la fin du blocage
    Quand je me connecte avec un mauvais mot de passe autant de fois que le service le permet
    Et j'enregistre un nouveau mot de passe
    Et je me connecte avec mon nouveau mot de passe
    Alors je suis connecté à mon compte ameli
