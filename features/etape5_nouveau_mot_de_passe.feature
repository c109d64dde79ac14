# language: fr
Fonctionnalité: Étape 5 – L'assuré renseigne son nouveau mot de passe
  La page « Renouvellement de mot de passe » rappelle les règles du mot de passe ;
  l'assuré saisit son nouveau mot de passe, le confirme et clique sur
  « Valider le nouveau mot de passe ».

  # Conception des tests (docs/conception-des-tests.md, E5-FORMULAIRE) : chaque règle du guide,
  # chaque caractère spécial cité dans la règle (la liste entière, pas un échantillon), les
  # deux champs, les deux actions, et le retour à la page de connexion qui y mène vraiment.

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée
    Et que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »

  @E5-FORMULAIRE
  Scénario: La page de renouvellement rappelle les règles du mot de passe
    Alors je suis sur la page « Renouvellement de mot de passe »
    Et la page affiche « Pour maintenir la confidentialité de vos informations, nous vous recommandons de ne pas choisir un mot de passe que vous utilisez déjà sur un autre site. »
    Et la page affiche les règles du mot de passe :
      | règle                                                                                          |
      | Comporter entre 8 et 50 caractères                                                             |
      | Contenir des caractères latins (de a jusqu'à z sans accent) minuscules et majuscules           |
      | Contenir un chiffre ou un caractère spécial parmi les suivants                                 |
      | Ne contenir que des caractères autorisés                                                       |
      | Ne pas contenir votre n° de sécurité sociale, votre date de naissance ou une partie de celle-ci |
    Et la règle des caractères spéciaux cite chacun des caractères spéciaux autorisés
    Et la page a le champ « Nouveau mot de passe »
    Et la page a le champ « Confirmer le mot de passe »
    Et la page propose « Valider le nouveau mot de passe »
    Et la page propose « Retourner à la page de connexion »
    Quand je clique sur « Retourner à la page de connexion »
    Alors je suis sur la page de connexion
